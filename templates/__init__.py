"""Shipped templates: starter flows (new/) and handout templates (handout/)."""
