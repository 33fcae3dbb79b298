"""Scanning: drivers behind one protocol (SANE, TWAIN, files), page clean-up, crash-safe sessions, archival PDFs.

Plain data in and out; nothing here opens the database (services record the files and the audit entries).
"""
