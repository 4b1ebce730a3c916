"""flowchart-cli: checks plain-text process descriptions and draws ISO 5807 flowcharts."""

__version__ = "0.1.0"
