"""`workshop follow`: the projector view in a terminal (app.py, screen.py, widgets.py), laying
out the frames workshop.projector makes, as the web page of `workshop serve` does."""
