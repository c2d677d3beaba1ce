"""Static site generator for the place stories of *The Revolution will be Improvised Part II*."""
