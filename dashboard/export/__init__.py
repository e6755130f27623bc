"""Exports: a chart as an image (PNG/SVG/PDF) or a table (CSV/XLSX), a theme view as slides."""
