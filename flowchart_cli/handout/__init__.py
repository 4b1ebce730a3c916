"""handout stage."""
