"""placeholder"""
def extract(page_texts, ctx, paged, skip_pages):
    return []
