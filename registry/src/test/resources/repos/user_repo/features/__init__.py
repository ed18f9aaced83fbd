raise RuntimeError("never imported as a definition file")
