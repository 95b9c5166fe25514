"""placeholder"""
def check_table(table, facts):
    return None
