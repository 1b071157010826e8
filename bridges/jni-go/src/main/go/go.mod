module coldbrew.dev/bridge/jnigo

go 1.19
