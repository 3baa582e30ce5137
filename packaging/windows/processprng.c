/*
 * bcryptprimitives.dll for the Wine check only, never shipped: Go's runtime
 * (1.24 and later) takes its randomness from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and 11 have but Debian 12's Wine 8
 * lacks, so no Go program starts there. This stand-in exports ProcessPrng and
 * fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which
 * Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		size -= chunk;
	}
	return TRUE;
}
