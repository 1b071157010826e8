// mvn package of a user's function project left a Lambda zip and a SAM template, and the zip ran in the local
// Lambda with its AOT cache required.
def zip = new File(basedir, 'target/coldbrew/function.zip')
assert zip.isFile() : "no ${zip}"
assert zip.length() > 1_000_000 : "${zip} holds no bundled runtime: ${zip.length()} bytes"
def template = new File(basedir, 'target/coldbrew/template.yaml').text
assert template.contains('Runtime: provided.al2023')
assert template.contains('MemorySize: 256')
assert template.contains("Handler: 'com.example.HelloFunction'")
def log = new File(basedir, 'build.log').text
assert log.contains('AOT cache in use (-XX:AOTMode=on)')
