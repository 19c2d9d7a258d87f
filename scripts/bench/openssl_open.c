/* The reference for showing a stored PDF: one process that reads a sealed file and
 * decrypts it with OpenSSL's EVP AEAD, writing the plaintext to stdout, as
 * `shikaku doc export --out -` does from the store. The file has the store's layout,
 * format byte ‖ 12-byte nonce ‖ ciphertext ‖ 16-byte tag, and its cipher is named by the
 * format byte (0x21 ChaCha20-Poly1305, 0x22 AES-256-GCM), with an empty AAD.
 *
 *   openssl_open seal KEYHEX FORMAT_BYTE < plain > sealed   (prepares the file; untimed)
 *   openssl_open open KEYHEX < sealed > plain               (the timed reference)
 *
 * scripts/bench.sh builds it with `cc -O2 … -lcrypto`. */
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads all of fd into one buffer sized from fstat, so a file is read without a copy. */
static unsigned char *read_all(int fd, size_t *len) {
    struct stat st;
    size_t cap = (fstat(fd, &st) == 0 && st.st_size > 0) ? (size_t)st.st_size + 1 : 1 << 20;
    size_t used = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (used == cap) { cap *= 2; buf = realloc(buf, cap); }
        ssize_t n = read(fd, buf + used, cap - used);
        if (n < 0) { perror("read"); exit(1); }
        if (n == 0) break;
        used += (size_t)n;
    }
    *len = used;
    return buf;
}

static void write_all(const unsigned char *p, size_t len) {
    while (len > 0) {
        ssize_t n = write(1, p, len);
        if (n <= 0) { perror("write"); exit(1); }
        p += n; len -= (size_t)n;
    }
}

static const EVP_CIPHER *cipher_of(unsigned char format) {
    if (format == 0x21) return EVP_chacha20_poly1305();
    if (format == 0x22) return EVP_aes_256_gcm();
    fprintf(stderr, "unknown format byte %02x\n", format);
    exit(2);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: openssl_open seal|open KEYHEX [FORMAT]\n"); return 2; }
    unsigned char key[32];
    for (int i = 0; i < 32; i++) sscanf(argv[2] + 2 * i, "%2hhx", &key[i]);
    size_t len;
    unsigned char *in = read_all(0, &len);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int outl = 0;
    if (strcmp(argv[1], "seal") == 0 && argc == 4) {
        unsigned char format = (unsigned char)strtol(argv[3], NULL, 16);
        unsigned char *out = malloc(1 + 12 + len + 16);
        out[0] = format;
        RAND_bytes(out + 1, 12);
        EVP_EncryptInit_ex(ctx, cipher_of(format), NULL, key, out + 1);
        EVP_EncryptUpdate(ctx, out + 13, &outl, in, (int)len);
        EVP_EncryptFinal_ex(ctx, out + 13 + outl, &outl);
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, out + 13 + len);
        write_all(out, 1 + 12 + len + 16);
        return 0;
    }
    if (strcmp(argv[1], "open") == 0 && len >= 1 + 12 + 16) {
        /* Decrypted in place, as the store does: no second buffer. */
        size_t body = len - 1 - 12 - 16;
        unsigned char *out = in + 13;
        EVP_DecryptInit_ex(ctx, cipher_of(in[0]), NULL, key, in + 1);
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, in + 13 + body);
        EVP_DecryptUpdate(ctx, out, &outl, in + 13, (int)body);
        if (EVP_DecryptFinal_ex(ctx, out + outl, &outl) != 1) {
            fprintf(stderr, "the tag does not verify\n");
            return 1;
        }
        write_all(out, body);
        return 0;
    }
    fprintf(stderr, "usage: openssl_open seal|open KEYHEX [FORMAT]\n");
    return 2;
}
