"""policygen: social-media governance documents for Québec health bodies."""
