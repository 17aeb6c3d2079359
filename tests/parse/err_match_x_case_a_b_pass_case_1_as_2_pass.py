match x:
    case a.b(): pass
    case 1 as 2: pass