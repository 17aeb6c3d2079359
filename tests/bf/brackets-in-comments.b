brackets in comments: brackets in prose are code too
like this] one
+.
