"""The one way the site prints a PDF (tickets, certificates, badges, the printable programme): HTML that carries
its own styles, rendered by WeasyPrint, which reads only data: URIs (QR codes) and never fetches a URL, so a link
typed into a name or a title is never followed."""


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML, URLFetcher  # heavy import: only when a PDF is made

    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=1)
    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()
