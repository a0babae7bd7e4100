"""PDFs made for the tests: with a text layer (reportlab), and image-only scans (Pillow)."""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A real PDF, one list of lines per page, written by reportlab."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for page in pages:
        y = 720
        for text in page:
            pdf.drawString(72, y, text)
            y -= 20
        pdf.showPage()
    pdf.save()
    return path


def make_scan(path: Path, pages: list[list[str]]) -> Path:
    """An image-only PDF, as a scanner makes it: each page a picture of its lines, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=40)
    images = []
    for page in pages:
        image = Image.new("L", (1275, 1650), 255)  # A4-ish at 150 dpi
        draw = ImageDraw.Draw(image)
        for i, text in enumerate(page):
            draw.text((100, 150 + 80 * i), text, fill=0, font=font)
        images.append(image)
    images[0].save(path, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return path
