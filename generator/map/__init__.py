"""The maps: the places as GeoJSON, the map script folium writes (``elements``), Leaflet's files,
the map page's filter and settings, and the light SVG maps of the home and place pages. Nothing here
imports folium until a map is drawn: ``elements`` and ``leaflet`` are imported only by the map page."""
