# Integer literal forms: hex, octal, binary, underscores, long literals.
print(0x10, 0X1f, 0o17, 0O7, 0b101, 0B11, 1_000, 0x_ff, 0b_1_0)
print(123456789012345678901234567890, -0x8000000000000000, 0xFFFFFFFFFFFFFFFF)
print(0, 00, 0_0, 000_0)
print(0xdead_beef, 0o777_777, 0b1111_0000)
