é = 1
naïve = 2
π = 3.14159
日本 = "japanese"
Ωmega = π * é
_private = 1
__dunder__ = 2
x1_y2 = 3
def 函数(参数): return 参数
class Ünïcödé: pass
s = 'é' + "中文" + '😀'
