"""Thin Qt views over app.maps: the map canvas, the sketch editor and the embeddable SketchWidget."""
