"""Teams app manifest, icons and packaging for Kasvuopas."""
