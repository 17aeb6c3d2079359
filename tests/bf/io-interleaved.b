io interleaved: write a prompt before each of three reads; echo each byte plus one
++++++++[>++++++++<-]>--.[-]<,+.[-]
++++++++[>++++++++<-]>--.[-]<,+.[-]
++++++++[>++++++++<-]>--.[-]<,+.[-]++++++++++.
