"""Pages, generated from the theme configuration and registered with Dash Pages."""
