@#d{ec
