import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """The PDF's text with every run of white space made one space (lines wrap where the layout wants)."""
    assert content.startswith(b"%PDF")
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)
