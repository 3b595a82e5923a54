// XRPLTx
