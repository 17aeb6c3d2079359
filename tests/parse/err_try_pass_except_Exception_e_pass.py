try:
    pass
except Exception, e:
    pass