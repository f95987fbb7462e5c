"""Views: render state, dispatch intents. No storage or network calls here."""
