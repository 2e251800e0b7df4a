print("qanat")
