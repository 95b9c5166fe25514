"""placeholder"""
def scrub(facts):
    return facts
