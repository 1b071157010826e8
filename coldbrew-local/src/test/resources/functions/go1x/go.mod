module go1xfn

go 1.19
