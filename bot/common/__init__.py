"""Small plain-Python pieces every layer uses: the clock, Helsinki time, signed links, calendar files."""
