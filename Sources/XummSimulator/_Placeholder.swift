// XummSimulator
