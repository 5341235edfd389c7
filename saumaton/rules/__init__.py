"""Statutory rules as plain, dated, cited Python: no Django import (architecture principle 1)."""
