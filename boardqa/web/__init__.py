"""The browser app's pieces: chat turns, charts, the source viewer, the register, the login."""
