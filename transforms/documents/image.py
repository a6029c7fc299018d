"""The text of a report saved as images (PNG, JPEG, or TIFF with one page a frame) by OCR: the
pages' lines go through the steps of a PDF's (`pdf.paged_text`). Pillow comes with the `ocr` extra."""
from __future__ import annotations

import io
from collections.abc import Iterator

from ogi.transforms.decode import Rejected
from ogi.transforms.documents import Extracted, ocr
from ogi.transforms.documents.pdf import MAX_PAGES, paged_text

# (magic bytes, the format as a person names it)
SIGNATURES = (
    (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
)


def image_format(data: bytes) -> str | None:
    return next((name for magic, name in SIGNATURES if data.startswith(magic)), None)


def _frames(image) -> Iterator:
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        yield image


def image_to_text(data: bytes) -> Extracted:
    """Raises Rejected: needs_ocr without the extra, broken_document for a damaged image,
    oversized_document for an image or a TIFF too big for a report."""
    name = image_format(data)
    ocr.require(f"A {name} image of a page (a scan)")
    from PIL import Image

    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
        if frames > MAX_PAGES:
            raise Rejected("oversized_document",
                           f"{frames} pages, more than the {MAX_PAGES} an annual report has; split the "
                           "report's own pages out of it and ingest those.")
        image.load()
    except Image.DecompressionBombError as error:
        raise Rejected("oversized_document", f"{error}: not a page of a report.") from None
    except (OSError, SyntaxError, ValueError) as error:  # what Pillow raises on a damaged image
        raise Rejected("broken_document",
                       f"The {name} image cannot be read ({error}); the download was probably cut short: "
                       "re-fetch it.") from None
    pages, confidence = ocr.read_scan(_frames(image))
    return paged_text(pages, confidence)
