"""Use cases over ports (storage, vault, transport, clock); no browser imports here."""
