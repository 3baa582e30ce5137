package caijipkg

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"filippo.io/age"

	"caiji/domain"
	"caiji/wire"
)

// The envelope is the outer layer of a package: the plain first line, then an
// age file. age authenticates the payload in chunks of chunkSize plaintext
// bytes, each growing by chunkOverhead when encrypted; the reader uses this to
// say where in the file damage is.
const (
	chunkSize     = 64 << 10
	chunkOverhead = 16
	ageNonceSize  = 16
	// maxAgeHeader bounds the age header the reader will read: one X25519
	// stanza is about 200 bytes.
	maxAgeHeader = 16 << 10
	maxPreamble  = 128
)

// seal writes the first line and the age header to dst and returns the
// writer of the plaintext. Closing it writes age's final chunk; it does not
// close dst.
func seal(dst io.Writer, to age.Recipient) (io.WriteCloser, error) {
	var head bytes.Buffer
	sw := &switchWriter{w: &head}
	pt, err := age.Encrypt(sw, to)
	if err != nil {
		return nil, err
	}
	// age wrote its header and the payload nonce; hash the header up to and
	// including its MAC line.
	b := head.Bytes()
	n := len(b) - ageNonceSize
	if _, err := fmt.Fprintf(dst, "%s %d %s\n", preambleMagic, FormatVersion, wire.Digest(b[:n])); err != nil {
		return nil, err
	}
	if _, err := dst.Write(b); err != nil {
		return nil, err
	}
	sw.w = dst
	return pt, nil
}

// switchWriter lets seal capture age's header before streaming to dst.
type switchWriter struct{ w io.Writer }

func (s *switchWriter) Write(p []byte) (int, error) { return s.w.Write(p) }

// opened is a package being read: the plaintext, and what is needed to say
// where the encrypted data failed.
type opened struct {
	plain        *countingReader
	payloadStart int64 // offset of the first encrypted chunk in the file
	fileSize     int64
	consumed     *countingReader // bytes of the file read so far, for progress
}

// open reads the first line and the age header, checks the header's hash,
// and starts decrypting with id.
func open(r io.Reader, size int64, id age.Identity) (*opened, error) {
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, chunkSize)
	line, err := readLine(br, maxPreamble)
	if cr.err != nil {
		return nil, refuse(ErrUnreadable, partFile, cr.err)
	}
	if err != nil {
		return nil, refuse(ErrNotPackage, partPreamble, err)
	}
	fields := strings.Fields(line)
	if len(fields) != 3 || fields[0] != preambleMagic {
		return nil, refuse(ErrNotPackage, partPreamble, nil)
	}
	if v, err := strconv.Atoi(fields[1]); err != nil || v != FormatVersion {
		return nil, refuse(ErrUnknownFormat, partPreamble, fmt.Errorf("format %q; this Caiji reads %d", fields[1], FormatVersion))
	}
	hdr, err := readAgeHeader(br)
	if cr.err != nil {
		return nil, refuse(ErrUnreadable, partFile, cr.err)
	}
	if err != nil {
		return nil, envelopeError(err)
	}
	if !wire.ValidDigest(fields[2]) || wire.Digest(hdr) != fields[2] {
		return nil, refuse(ErrDamaged, partAgeHeader, errors.New("the header does not match the SHA-256 on the first line"))
	}
	pt, err := age.Decrypt(io.MultiReader(bytes.NewReader(hdr), br), id)
	if err != nil {
		var wrong *age.NoIdentityMatchError
		if cr.err != nil {
			return nil, refuse(ErrUnreadable, partFile, cr.err)
		}
		if errors.As(err, &wrong) {
			return nil, refuse(ErrWrongRecipient, partAgeHeader, err)
		}
		return nil, envelopeError(err)
	}
	return &opened{
		plain:        &countingReader{r: pt},
		payloadStart: int64(len(line)+1+len(hdr)) + ageNonceSize,
		fileSize:     size,
		consumed:     cr,
	}, nil
}

// envelopeError classifies a failure to read the age header: a file that
// ends there is truncated, anything else damaged.
func envelopeError(err error) *Error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return refuse(ErrTruncated, partAgeHeader, err)
	}
	return refuse(ErrDamaged, partAgeHeader, err)
}

// payloadError says where age refused the payload: the chunk after the last
// plaintext byte it authenticated, as bytes of the file, and which entry was
// being read. A failure in the file's last chunk, or a file that ends before
// age's final chunk, is reported as truncated: the two look the same.
func (o *opened) payloadError(cause error, reading domain.Msg) *Error {
	if o.consumed.err != nil {
		return refuse(ErrUnreadable, partFile, o.consumed.err)
	}
	k := o.plain.n / chunkSize
	start := o.payloadStart + k*(chunkSize+chunkOverhead)
	end := start + chunkSize + chunkOverhead
	if end >= o.fileSize || errors.Is(cause, io.ErrUnexpectedEOF) {
		return refuse(ErrTruncated, domain.Msg{
			Zh: fmt.Sprintf("文件末尾，读取%s时", reading.Zh),
			En: fmt.Sprintf("the end of the file, while reading %s", reading.En),
		}, cause)
	}
	return refuse(ErrDamaged, domain.Msg{
		Zh: fmt.Sprintf("文件第 %d–%d 字节的加密数据，读取%s时", start, end-1, reading.Zh),
		En: fmt.Sprintf("encrypted bytes %d–%d of the file, while reading %s", start, end-1, reading.En),
	}, cause)
}

// readLine reads one '\n'-terminated line of at most max bytes.
func readLine(br *bufio.Reader, max int) (string, error) {
	var b []byte
	for len(b) <= max {
		c, err := br.ReadByte()
		if err != nil {
			return "", err
		}
		if c == '\n' {
			return string(b), nil
		}
		b = append(b, c)
	}
	return "", fmt.Errorf("first line longer than %d bytes", max)
}

// readAgeHeader returns the age header's bytes, through the "--- MAC" line,
// reading at most maxAgeHeader bytes.
func readAgeHeader(br *bufio.Reader) ([]byte, error) {
	var hdr []byte
	for {
		line, err := br.ReadSlice('\n')
		hdr = append(hdr, line...)
		if len(hdr) > maxAgeHeader {
			return nil, fmt.Errorf("age header longer than %d bytes", maxAgeHeader)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(line, []byte("--- ")) {
			return hdr, nil
		}
	}
}

// countingReader counts the bytes read through it and keeps the first
// error other than the end. Under the age layer it counts the file (for
// progress) and keeps a failing disk from being called damage; above it, it
// counts the plaintext age has authenticated and keeps age's error, so a
// failure the tar reader meets is traced to its chunk.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}
