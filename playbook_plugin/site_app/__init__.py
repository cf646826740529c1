"""The built site as an app: installable, and whole offline after the first visit."""
