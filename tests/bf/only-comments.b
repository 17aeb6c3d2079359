An empty program: nothing but comments (no commands at all)
