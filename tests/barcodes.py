"""What the tests ask zbarimg to read: only the symbologies the office prints. zbar's Interleaved 2 of 5 reader finds
phantom codes in dense Persian text, so reading every symbology makes barcode assertions flaky."""

PRINTED_SYMBOLOGIES = ("-Sdisable", "-Scode128.enable", "-Sqrcode.enable")
