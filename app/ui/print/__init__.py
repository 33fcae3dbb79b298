"""Print preview and printing of the PDFs that app.printing builds."""
