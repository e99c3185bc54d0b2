/*
 * A stand-in for Windows' bcryptprimitives.dll, for the Wine test only
 * (make package-test); never shipped. Go 1.24 and later take their random
 * bytes from ProcessPrng in bcryptprimitives.dll, which every Windows 10/11
 * has but Debian 12's Wine 8.0 does not, so a Go program stops there before
 * main ("fatal error: bcryptprimitives.dll not found"). Put in the Wine
 * prefix's system32 (where Go loads it from), this one answers ProcessPrng
 * with RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
