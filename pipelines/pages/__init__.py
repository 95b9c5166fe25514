"""Static HTML report pages per kommun and nämnd, built from the published marts."""
