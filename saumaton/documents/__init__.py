"""Documents the casework hands to people: PDFs rendered in the person's language.

``contexts`` defines what a document says (plain dataclasses); ``render`` turns a template under
``saumaton/templates/documents/`` into a PDF with WeasyPrint. Not a Django app: no models, no URLs.
"""
