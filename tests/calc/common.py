"""What every cases_*.py shares: where the data is, date serials, the error markers."""
import datetime
import os

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")  # tests/data
NA, ERR = "#N/A", "Err:502"


def serial(text):
    """Calc's date serial (NullDate 1899-12-30) of an ISO date."""
    return float((datetime.date.fromisoformat(text) - datetime.date(1899, 12, 30)).days)
