/*
 * A hello-world function for provided.al2023 in C against the Runtime API, on plain sockets: the shape of the
 * public C++ and Rust cold-start measurements (a process of a few hundred KB), used by coldbrew's calibration
 * to see what a meter counts beyond the function's own pages.
 */
#define _GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *BODY = "{\"statusCode\":200,\"body\":\"hello\"}";

static int connect_api(const char *host, const char *port) {
    struct addrinfo hints = {0}, *res;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0) {
        fprintf(stderr, "hello: cannot resolve %s:%s\n", host, port);
        exit(1);
    }
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (fd < 0 || connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
        fprintf(stderr, "hello: cannot connect to %s:%s\n", host, port);
        exit(1);
    }
    freeaddrinfo(res);
    return fd;
}

/* Sends a request and reads the reply until the connection closes (Connection: close); returns its length. */
static size_t exchange(const char *host, const char *port, const char *request, char *reply, size_t size) {
    int fd = connect_api(host, port);
    size_t len = strlen(request), done = 0;
    while (done < len) {
        ssize_t n = write(fd, request + done, len - done);
        if (n <= 0) {
            fprintf(stderr, "hello: write to the Runtime API failed\n");
            exit(1);
        }
        done += (size_t) n;
    }
    size_t got = 0;
    ssize_t n;
    while (got < size - 1 && (n = read(fd, reply + got, size - 1 - got)) > 0) {
        got += (size_t) n;
    }
    reply[got] = '\0';
    close(fd);
    return got;
}

int main(void) {
    const char *api = getenv("AWS_LAMBDA_RUNTIME_API");
    if (api == NULL || strchr(api, ':') == NULL) {
        fprintf(stderr, "hello: AWS_LAMBDA_RUNTIME_API is not host:port\n");
        return 1;
    }
    char host[256], request[1024], id[128];
    static char reply[1 << 20];
    snprintf(host, sizeof host, "%.*s", (int) (strchr(api, ':') - api), api);
    const char *port = strchr(api, ':') + 1;
    for (;;) {
        snprintf(request, sizeof request,
                 "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", api);
        exchange(host, port, request, reply, sizeof reply);
        static const char ID_HEADER[] = "\r\nLambda-Runtime-Aws-Request-Id:";
        const char *header = strcasestr(reply, ID_HEADER);
        if (header == NULL || sscanf(header + sizeof ID_HEADER - 1, " %127[^\r\n]", id) != 1) {
            fprintf(stderr, "hello: no request id in the /next reply\n");
            return 1;
        }
        snprintf(request, sizeof request,
                 "POST /2018-06-01/runtime/invocation/%s/response HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n"
                 "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                 id, api, strlen(BODY), BODY);
        exchange(host, port, request, reply, sizeof reply);
    }
}
