# café
import pickle
pickle.loads(data)  # ÿþ
