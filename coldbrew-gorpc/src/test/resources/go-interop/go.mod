module gorpcit

go 1.19
