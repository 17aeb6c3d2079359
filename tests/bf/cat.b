cat: copy stdin to stdout; EOF leaves the cleared cell at zero and ends the loop
,[.[-],]
